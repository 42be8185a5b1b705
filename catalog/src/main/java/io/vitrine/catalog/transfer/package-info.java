/**
 * Products in and out as files: the bulk import (CSV or XLSX, a background job upserting by SKU through the
 * same rules as the API) and the streamed export, in one column layout ({@code ProductColumns}) so that an
 * export imports back unchanged.
 */
package io.vitrine.catalog.transfer;
