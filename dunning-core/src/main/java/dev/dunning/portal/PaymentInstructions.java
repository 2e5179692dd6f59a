package dev.dunning.portal;

import dev.dunning.model.Money;

/**
 * How to pay: to whom, to which account, how much and with which reference.
 *
 * @param beneficiary the creditor's name
 * @param iban the creditor's IBAN in groups of four (empty if the creditor has none)
 * @param bic the creditor's BIC (may be empty)
 * @param amount the balance to pay
 * @param reference what to write in the payment's communication, so the payment is matched
 * @since 0.1
 */
public record PaymentInstructions(String beneficiary, String iban, String bic, Money amount, String reference) {}
