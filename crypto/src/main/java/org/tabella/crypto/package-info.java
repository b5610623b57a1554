/**
 * Tabella's {@code crypto} module. Its contents arrive with the module's own issue; until then the
 * module only reserves its place in the one-way dependency chain groups &larr; crypto &larr; network
 * &larr; voting.
 */
package org.tabella.crypto;
