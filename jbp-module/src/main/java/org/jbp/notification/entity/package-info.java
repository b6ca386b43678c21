/**
 * In-app notifications for whoever must act next, and the CRM tasks that mirror them.
 * Depends on plan entities, incentive (outbox), security, platform.
 */
package org.jbp.notification.entity;
