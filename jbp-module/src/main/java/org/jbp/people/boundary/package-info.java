/** Where the user directory hears about callers: a request filter reading the caller's token. */
package org.jbp.people.boundary;
