/** An in-app notification to a user or a role (a partner role: of one account). Depends on nothing else. */
package org.jbp.notification.entity;
