/**
 * The user directory's values: a person's id (Salesforce's 18-character form when it is one), name, email and
 * active flag, and where they came from. Plain Java, no dependencies.
 */
package org.jbp.people.entity;
