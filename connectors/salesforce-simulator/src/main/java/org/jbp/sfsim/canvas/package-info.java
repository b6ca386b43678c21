/**
 * The org's side of a Canvas app: the connected app's signed requests (internal users on a Visualforce or
 * Lightning page, partner users in an Experience Cloud site), the pages that POST them into an iframe, and a
 * stand-in for the Canvas SDK's refreshSignedRequest. Depends on the org and its sessions; each behaviour
 * cites the Canvas Developer Guide page it follows.
 */
package org.jbp.sfsim.canvas;
