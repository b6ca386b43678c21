/** The home as JSON for the plan tab. */
package org.jbp.home.boundary;
