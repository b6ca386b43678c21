/**
 * The user directory: names for the person ids plans store. Depends on crm-api, security and the kernel; plan,
 * approval, review and canvas ask it for names, and the sync calls its read-back ({@code DirectoryReadBack}).
 */
package org.jbp.people;
