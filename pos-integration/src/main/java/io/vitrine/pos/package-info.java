/**
 * The POS and kiosk device protocol: catalog delta feed, event ingest, fleet status.
 */
package io.vitrine.pos;
