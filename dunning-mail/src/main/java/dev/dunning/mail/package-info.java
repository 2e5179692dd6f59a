/**
 * E-mail and letters for Dunning: {@link dev.dunning.mail.EmailChannel} sends over SMTP with
 * Jakarta Mail, {@link dev.dunning.mail.PdfLetterRenderer} renders letters as PDF,
 * {@link dev.dunning.mail.LetterChannel} hands them to a print or registered-mail provider through
 * a folder, and {@link dev.dunning.mail.Templates} holds the texts in the debtor's language.
 *
 * <pre>{@code
 * Templates texts = Templates.builder().directory(Path.of("/etc/acme/dunning-templates")).build();
 * RecoveryEngine engine = RecoveryEngine.builder()
 *     .clock(clock)
 *     .creditor(acme)
 *     .channel(EmailChannel.builder(SmtpSettings.builder("smtp.acme.example", 587)
 *         .login("dunning", password).build()).templates(texts).clock(clock).build())
 *     .channel(LetterChannel.toFolder(ChannelType.LETTER, Path.of("/var/spool/letters"), clock))
 *     .channel(LetterChannel.toFolder(ChannelType.REGISTERED_LETTER, Path.of("/var/spool/registered"), clock))
 *     .documentRenderer(PdfLetterRenderer.builder().templates(texts).clock(clock).build())
 *     .documentStore(documents)
 *     .build(); // fails here, listing every missing template or unknown variable
 * }</pre>
 */
package dev.dunning.mail;
