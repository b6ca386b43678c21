/**
 * The SOAP partner API over the JDK HTTP server: request parsing, operation dispatch on the Body's first
 * element, sessions, query cursors, faults with the WSDL's detail elements, and StAX response writing in
 * the WSDL's element order. Depends on {@code store}, {@code soql}, {@code fault} and the {@code Org}.
 */
package org.jbp.sfsim.soap;
