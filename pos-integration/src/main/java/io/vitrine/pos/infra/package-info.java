/** JDBC shared by the POS adapters. */
package io.vitrine.pos.infra;
