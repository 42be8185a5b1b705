/**
 * Reading and writing raw customs XML safely: no DTDs, no external entities, a size limit. Shared by
 * signing and exchange, which both work on documents as bytes or DOM.
 */
package io.vitrine.customs.xml;
