/** E-mail over Jakarta Mail, templates in the debtor's language, letters as PDF. */
package dev.dunning.mail;
