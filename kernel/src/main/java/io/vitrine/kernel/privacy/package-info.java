/**
 * Personal data protection (architecture.md "Personal data"): AES-256-GCM field encryption with
 * rotating keys ({@link io.vitrine.kernel.privacy.PersonalDataCipher}), keyed blind indexes for
 * matching ({@link io.vitrine.kernel.privacy.BlindIndex}), and masks for responses and logs
 * ({@link io.vitrine.kernel.privacy.Masking}).
 */
package io.vitrine.kernel.privacy;
