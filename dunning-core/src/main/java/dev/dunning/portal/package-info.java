/**
 * The debtor's self-service portal, without HTTP: {@link dev.dunning.portal.PortalLinks} puts a
 * secret link in every message and verifies it; {@link dev.dunning.portal.PortalService} is what
 * the debtor can do with it (see what is owed, upload a proof of payment, promise a date, dispute,
 * ask for instalments); {@link dev.dunning.portal.ManagerReview} is how a collection manager
 * decides on those requests; {@link dev.dunning.portal.PaymentPlans} runs agreed instalment plans.
 * The host maps these calls to its own web pages.
 */
package dev.dunning.portal;
