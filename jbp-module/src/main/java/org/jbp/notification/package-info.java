/**
 * In-app notifications and CRM tasks for whoever must act next. Takes a kernel {@code PlanRef}, not the plan
 * aggregate, so every feature from plan up may notify. Depends on outbox (tasks are CRM writes), security,
 * platform and the kernel.
 */
package org.jbp.notification;
