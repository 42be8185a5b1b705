package io.vitrine.tenants.warehouses;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.UnifiedSocialCreditCode;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.registry.Tenant;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The bonded warehouses of a park: its admin registers them, the park's staff and its members' staff
 * read them, and a member's store or product names one by code.
 */
@Singleton
public class ParkWarehouses {

    /** Warehouse codes are the park's own: letters, digits, '-' and '_'. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern EMS_NO = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern CUSTOMS_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern AREA_CODE = Pattern.compile("[A-Za-z0-9]{1,10}");

    private final ParkAccess parks;
    private final BondedWarehouseRepository warehouses;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    public ParkWarehouses(ParkAccess parks, BondedWarehouseRepository warehouses, AuditTrail audit, Ids ids, Clock clock) {
        this.parks = parks;
        this.warehouses = warehouses;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public BondedWarehouse register(Actor by, String parkSlug, WarehouseForm form) {
        Tenant park = parks.asAdmin(by, parkSlug);
        FieldChecks checks = new FieldChecks();
        String code = checks.matching("code", form.code(), CODE, "WAREHOUSE_CODE_FORM",
                "1-32 letters, digits, '-' or '_'");
        String name = checks.text("name", form.name(), 200);
        String emsNo = checks.matching("emsNo", form.emsNo(), EMS_NO, "EMS_NO_FORM", "1-32 letters or digits");
        String customsCode = checks.matching("customsCode", form.customsCode(), CUSTOMS_CODE, "CUSTOMS_AREA_CODE_FORM",
                "a customs district code is 4 digits");
        String areaCode = checks.matching("areaCode", form.areaCode(), AREA_CODE, "AREA_CODE_FORM",
                "1-10 letters or digits");
        UnifiedSocialCreditCode operator = checks.parse("operatorUscc", form.operatorUscc(), UnifiedSocialCreditCode::parse);
        checks.throwIfAny();
        if (warehouses.existsByParkIdAndCode(park.id(), code)) {
            throw new ConflictException("The park already has a warehouse " + code + ".");
        }
        BondedWarehouse warehouse = warehouses.save(new BondedWarehouse(ids.nextId(), park.id(), code, name, emsNo,
                customsCode, areaCode, operator.value(), clock.instant()));
        audit.record(by, park.tenantId(), "WAREHOUSE_CREATED", "warehouse", warehouse.id(), "code " + code);
        return warehouse;
    }

    @Transactional(readOnly = true)
    public List<BondedWarehouse> list(Actor by, String parkSlug) {
        Tenant park = parks.asReader(by, parkSlug);
        return warehouses.findByParkIdOrderByCode(park.id());
    }

    /** The codes of this park's warehouses (a member's store rules check a store's warehouse against them). */
    @Transactional(readOnly = true)
    public Set<String> codesOf(TenantId park) {
        return warehouses.findByParkIdOrderByCode(park.value()).stream().map(BondedWarehouse::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A warehouse of this park by code (for a member's stores and products). */
    @Transactional(readOnly = true)
    public Optional<BondedWarehouse> ofPark(TenantId park, String code) {
        return warehouses.findByParkIdAndCode(park.value(), code);
    }
}
