/** JDBC adapters of the catalog feed: the change log with its sequence row, and the assortment keyset read. */
package io.vitrine.pos.feed.infra;
