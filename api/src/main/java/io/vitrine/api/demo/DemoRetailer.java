package io.vitrine.api.demo;

import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.devices.RegisteredDevice;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tenants.staff.IssuedInvitation;
import io.vitrine.tenants.staff.Invitations;
import io.vitrine.tenants.staff.StaffAccount;
import io.vitrine.tenants.staff.StaffForm;
import io.vitrine.tenants.staff.StaffManagement;
import io.vitrine.tenants.stores.StoreForm;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The retailer side of the demo, as its admin would do it: three stores (a bonded experience store and
 * two convenience stores), a kiosk in each, a POS in one, a store manager for one store, and its settings: its
 * customs codes (the seller of its declarations) and the built-in demo logistics partner, so a demo purchase is
 * declared, gets its waybill and clears at the built-in single-window simulator.
 */
@Singleton
class DemoRetailer {

    private final Invitations invitations;
    private final Stores stores;
    private final Devices devices;
    private final StaffManagement staff;
    private final Settings settings;

    DemoRetailer(Invitations invitations, Stores stores, Devices devices, StaffManagement staff, Settings settings) {
        this.invitations = invitations;
        this.stores = stores;
        this.devices = devices;
        this.staff = staff;
        this.settings = settings;
    }

    /** The shop's admin and tenant, and the devices just registered with their one-time pairing codes and secret. */
    record DemoShop(Actor admin, List<RegisteredDevice> devices) {
    }

    DemoShop seed(IssuedInvitation adminInvitation) {
        StaffAccount account = invitations.accept(adminInvitation.token(), DemoAccounts.RETAILER_ADMIN,
                DemoAccounts.RETAILER_ADMIN_PASSWORD);
        Actor admin = Actor.staff(account.id(), account.username(), account.role(), account.tenant());
        return new DemoShop(admin, TenantContext.callAs(account.tenant(), () -> {
            settings.replace(admin, new SettingsForm(null, null, null, null, DemoAccounts.RETAILER_CUSTOMS_CODE,
                    DemoAccounts.RETAILER_LEGAL_NAME, null, null, null, null, "demo", null));
            store(admin, "S001", "海淘优选 保税展示体验店", "EXPERIENCE_STORE", "前海路 1 号 保税展示中心 1 层", "440305",
                    "22.5270", "113.8930");
            store(admin, "S002", "海淘优选 南山便利店", "CONVENIENCE_STORE", "南海大道 2008 号", "440305", "22.5330", "113.9300");
            store(admin, "S003", "海淘优选 福田便利店", "CONVENIENCE_STORE", "深南大道 6001 号", "440304", "22.5400", "114.0550");
            List<RegisteredDevice> registered = new ArrayList<>();
            for (String store : List.of("S001", "S002", "S003")) {
                registered.add(devices.register(admin, store, "KIOSK"));
            }
            registered.add(devices.register(admin, "S002", "POS"));
            IssuedInvitation manager = staff.invite(admin, new StaffForm(DemoAccounts.STORE_MANAGER, "STORE_MANAGER",
                    List.of("S002")));
            invitations.accept(manager.token(), DemoAccounts.STORE_MANAGER, DemoAccounts.STORE_MANAGER_PASSWORD);
            return registered;
        }));
    }

    private void store(Actor admin, String code, String name, String kind, String address, String district,
                       String lat, String lng) {
        stores.create(admin, new StoreForm(code, name, kind, address, district, new BigDecimal(lat), new BigDecimal(lng),
                DemoPark.WAREHOUSE));
    }
}
