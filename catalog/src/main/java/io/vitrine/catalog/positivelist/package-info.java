/** The platform's positive list of HS codes: upload, atomic replacement, cached lookup. */
package io.vitrine.catalog.positivelist;
