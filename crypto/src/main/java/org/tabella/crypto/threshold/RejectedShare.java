package org.tabella.crypto.threshold;

/**
 * A decryption share that was left out, and why.
 *
 * @param trustee the trustee it claimed to come from
 * @param reason what failed (unknown trustee, duplicate, invalid proof)
 */
public record RejectedShare(int trustee, String reason) {}
