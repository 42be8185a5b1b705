package io.vitrine.customs.declaration;

import io.vitrine.customs.messages.Clearance;
import io.vitrine.customs.messages.Party;
import io.vitrine.customs.messages.Shipment;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.logistics.Waybill;
import io.vitrine.orders.logistics.WaybillRegister;
import io.vitrine.orders.ordering.Order;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.BondedWarehouse;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * What an inventory list (CEB621) adds to the order's facts, in the current tenant: the waybill (orders'
 * {@link WaybillRegister}) as the {@link Shipment}, and where it is filed — the {@link Clearance} — from the
 * warehouse the order ships from (a bonded warehouse of the merchant's park, tenants' {@link ParkWarehouses}):
 * <ul>
 *   <li>customsCode and portCode: the warehouse's supervising customs (4 digits);</li>
 *   <li>emsNo: the warehouse's account book (written for 1210/1239 only, see {@code Declarations});</li>
 *   <li>area (areaCode/areaName, an enterprise code by the standard and {@code MessageRules}): the warehouse's
 *       operator (its USCC) and the warehouse's name; the warehouse's own area code (a zone code such as
 *       {@code 534901}, no enterprise code) goes into loctNo, the supervision site;</li>
 *   <li>agent and guarantor (assureCode): the platform, which files the list;</li>
 *   <li>trafMode {@code Y} (bonded zone) for bonded goods, {@code 5} (air) for direct purchase; country
 *       {@code 142} for bonded goods (already in China), else the first line's origin; wrapType {@code 2}
 *       (carton).</li>
 * </ul>
 * A 9610 order whose warehouse is not one of the park's is filed at the merchant's customs district code.
 */
@Singleton
class InventoryLegFacts {

    private final WaybillRegister waybills;
    private final TenantDirectory tenants;
    private final ParkWarehouses warehouses;
    private final DeclaringParties parties;

    InventoryLegFacts(WaybillRegister waybills, TenantDirectory tenants, ParkWarehouses warehouses,
                      DeclaringParties parties) {
        this.waybills = waybills;
        this.tenants = tenants;
        this.warehouses = warehouses;
        this.parties = parties;
    }

    /** The order's waybill, empty until its logistics partner posted one. */
    Optional<Shipment> shipment(String orderNo) {
        return waybills.of(orderNo).map(InventoryLegFacts::shipment);
    }

    private static Shipment shipment(Waybill waybill) {
        return new Shipment(waybill.logisticsNo(), new Party(waybill.logisticsCode(), waybill.logisticsName()), 1, null,
                null, null);
    }

    /**
     * @param firstOrigin the first line's origin country (9610's trade country)
     * @throws IllegalStateException when a bonded order's warehouse is not one of the park's (the delivery fails and
     *                               is retried once the warehouse is registered)
     */
    Clearance clearance(TenantId tenant, Order order, String firstOrigin) {
        boolean bonded = order.tradeMode().code().equals("1210") || order.tradeMode().code().equals("1239");
        Tenant merchant = tenants.require(tenant);
        Optional<BondedWarehouse> warehouse = merchant.parkId() == null ? Optional.empty()
                : warehouses.ofPark(TenantId.of(merchant.parkId()), order.warehouseCode());
        Party platform = parties.platform();
        if (warehouse.isPresent()) {
            BondedWarehouse w = warehouse.get();
            return new Clearance(w.customsCode(), w.customsCode(), platform, platform.code(), w.emsNo(),
                    new Party(w.operatorUscc(), w.name()), bonded ? "Y" : "5", bonded ? "142" : firstOrigin, "2",
                    w.areaCode());
        }
        if (bonded || merchant.customsAreaCode() == null) {
            throw new IllegalStateException("order " + order.orderNo() + " ships from warehouse "
                    + order.warehouseCode() + ", which is not a bonded warehouse of the merchant's park: "
                    + "its inventory list cannot be filed");
        }
        return new Clearance(merchant.customsAreaCode(), merchant.customsAreaCode(), platform, platform.code(), null,
                null, "5", firstOrigin, "2", null);
    }
}
