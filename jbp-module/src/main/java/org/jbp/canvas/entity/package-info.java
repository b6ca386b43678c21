/** Values of the Canvas feature: the verified canvas request and the identity the tab runs as. No persistence. */
package org.jbp.canvas.entity;
