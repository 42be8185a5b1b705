/**
 * Bulk provisioning (issue #3): thousands of stores with their kiosks and POS devices from one CSV or
 * XLSX file, imported by a background job ({@link io.vitrine.tenants.stores.provisioning.StoreImport},
 * {@link io.vitrine.tenants.stores.provisioning.StoreImportJob}). Stores go through the same rules as
 * one created by hand ({@code StoreRules}), devices through {@code Devices.register}; the new devices'
 * credentials come back once, as the job's sealed result file
 * ({@link io.vitrine.tenants.stores.provisioning.CredentialsResults}).
 */
package io.vitrine.tenants.stores.provisioning;
