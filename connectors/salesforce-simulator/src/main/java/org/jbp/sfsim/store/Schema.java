package org.jbp.sfsim.store;

import static org.jbp.sfsim.store.FieldType.BOOLEAN;
import static org.jbp.sfsim.store.FieldType.CURRENCY;
import static org.jbp.sfsim.store.FieldType.DATE;
import static org.jbp.sfsim.store.FieldType.DATETIME;
import static org.jbp.sfsim.store.FieldType.EMAIL;
import static org.jbp.sfsim.store.FieldType.ID;
import static org.jbp.sfsim.store.FieldType.INT;
import static org.jbp.sfsim.store.FieldType.PERCENT;
import static org.jbp.sfsim.store.FieldType.PICKLIST;
import static org.jbp.sfsim.store.FieldType.REFERENCE;
import static org.jbp.sfsim.store.FieldType.STRING;
import static org.jbp.sfsim.store.FieldType.TEXTAREA;
import static org.jbp.sfsim.store.FieldType.DOUBLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in schema: the standard partner-program objects and the custom fields JBP relies on.
 * Immutable once built, so it is shared freely between threads.
 */
public final class Schema {

    private final Map<String, SObjectType> byLowerName;
    private final Map<String, SObjectType> byPrefix;

    private Schema(List<SObjectType> types) {
        Map<String, SObjectType> names = new LinkedHashMap<>();
        Map<String, SObjectType> prefixes = new HashMap<>();
        for (SObjectType t : types) {
            names.put(t.name().toLowerCase(Locale.ROOT), t);
            prefixes.put(t.keyPrefix(), t);
        }
        this.byLowerName = Collections.unmodifiableMap(names);
        this.byPrefix = prefixes;
    }

    public Optional<SObjectType> type(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The type whose records have ids starting with this id's key prefix. */
    public Optional<SObjectType> typeOfId(String id) {
        return id == null || id.length() < 3 ? Optional.empty() : Optional.ofNullable(byPrefix.get(id.substring(0, 3)));
    }

    public Collection<SObjectType> types() {
        return byLowerName.values();
    }

    /** The schema of a JBP partner org. */
    public static Schema builtIn() {
        List<SObjectType> types = new ArrayList<>();
        // User as the object reference describes it (developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
        // object_reference/sforce_api_objects_user.htm) with the lengths of the field reference (sfFieldRef,
        // salesforce_field_reference_User.htm): Name is read-only, composed from FirstName and LastName; Email is
        // required, up to 128 characters; IsActive defaults to true on create. A real org deactivates users and never
        // deletes them, so a leaver is modelled as IsActive = false and still answers queries by Id.
        types.add(type("User", "Users", "005",
                f("Username", STRING).length(80).required(),
                f("LastName", STRING).length(80).required(),
                f("FirstName", STRING).length(40),
                f("Name", STRING).length(121).readOnly(),
                f("Email", EMAIL).length(128).required(),
                f("Alias", STRING).length(8),
                f("IsActive", BOOLEAN).notNillable(),
                f("Title", STRING).length(80),
                f("Department", STRING).length(80),
                f("UserType", PICKLIST).readOnly(),
                f("TimeZoneSidKey", PICKLIST),
                f("LanguageLocaleKey", PICKLIST),
                f("LocaleSidKey", PICKLIST),
                f("ProfileId", REFERENCE).references("Profile", "Profile"),
                f("ContactId", REFERENCE),
                f("AccountId", REFERENCE).readOnly().references("Account", "Account")));
        // A partner user is a User with a ContactId; its AccountId is the contact's account (read-only on User).
        types.add(type("Contact", "Contacts", "003",
                f("LastName", STRING).length(80).required(),
                f("FirstName", STRING).length(40),
                f("Name", STRING).length(121).readOnly(),
                f("Email", EMAIL),
                f("AccountId", REFERENCE).references("Account", "Account"),
                f("OwnerId", REFERENCE).notNillable().references("User", "Owner")));
        types.add(type("Account", "Accounts", "001",
                f("Name", STRING).required(),
                f("Type", PICKLIST),
                f("IsPartner", BOOLEAN).notNillable(),
                f("Partner_Tier__c", PICKLIST).label("Partner Tier"),
                f("Partner_Type__c", PICKLIST).label("Partner Type"),
                f("OwnerId", REFERENCE).notNillable().references("User", "Owner"),
                f("ParentId", REFERENCE).references("Account", "Parent"),
                f("Industry", PICKLIST),
                f("BillingCity", STRING).length(40),
                f("BillingState", STRING).length(80),
                f("BillingCountry", STRING).length(80),
                f("Website", STRING),
                f("Phone", STRING).length(40),
                f("AnnualRevenue", CURRENCY),
                f("NumberOfEmployees", INT),
                f("Description", TEXTAREA),
                // a roll-up summary field: COUNT of the account's Partner_Certification__c with Status__c =
                // 'Completed', kept by RecordStore.rollUpCertifications; read-only like every roll-up summary field
                f(RecordStore.CERTIFICATIONS_ROLL_UP, DOUBLE).label("Certifications Completed").readOnly()));
        // Object Reference, Organization: query() only; the fields JBP reads about periods and time zones.
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_organization.htm
        types.add(type("Organization", "Organizations", "00D",
                f("Name", STRING).readOnly(),
                f("FiscalYearStartMonth", INT).readOnly(),
                f("UsesStartDateAsFiscalYearName", BOOLEAN).notNillable().readOnly(),
                f("TimeZoneSidKey", PICKLIST).readOnly(),
                f("DefaultLocaleSidKey", PICKLIST).readOnly()));
        // Object Reference, CurrencyType and DatedConversionRate: the org's currencies, their rates against the
        // corporate currency, and (advanced currency management) dated rates for opportunities.
        // https://developer.salesforce.com/docs/atlas.en-us.192.0.api.meta/api/sforce_api_objects_currencytype.htm
        // https://developer.salesforce.com/docs/atlas.en-us.264.0.object_reference.meta/object_reference/sforce_api_objects_datedconversionrate.htm
        types.add(type("CurrencyType", "Currency Types", "02c",
                f("IsoCode", PICKLIST).required().createOnly(),
                f("ConversionRate", DOUBLE).required(),
                f("DecimalPlaces", INT),
                f("IsActive", BOOLEAN).notNillable(),
                f("IsCorporate", BOOLEAN).notNillable().readOnly()));
        types.add(type("DatedConversionRate", "Dated Conversion Rates", "04w",
                f("IsoCode", PICKLIST).required().createOnly(),
                f("ConversionRate", DOUBLE).required(),
                f("StartDate", DATE).required(),
                f("NextStartDate", DATE).readOnly()));
        types.add(type("RecordType", "Record Types", "012",
                f("Name", STRING).length(80).required(),
                f("DeveloperName", STRING).length(80).required(),
                f("SobjectType", PICKLIST).required(),
                f("IsActive", BOOLEAN).notNillable(),
                f("Description", STRING)));
        types.add(type("Opportunity", "Opportunities", "006",
                // only in multi-currency orgs (RecordStore.multiCurrency)
                f("CurrencyIsoCode", PICKLIST).label("Currency ISO Code"),
                f("Name", STRING).length(120).required(),
                f("AccountId", REFERENCE).references("Account", "Account"),
                // read-only: Salesforce fills it from the owning partner user's account (RecordStore.derivePartnerAccount)
                f("PartnerAccountId", REFERENCE).readOnly().references("Account", "PartnerAccount"),
                f("RecordTypeId", REFERENCE).references("RecordType", "RecordType"),
                f("OwnerId", REFERENCE).notNillable().references("User", "Owner"),
                f("Amount", CURRENCY),
                f("StageName", PICKLIST).required(),
                f("Probability", PERCENT),
                f("ExpectedRevenue", CURRENCY).readOnly(),
                f("CloseDate", DATE).required(),
                f("IsWon", BOOLEAN).notNillable().readOnly(),
                f("IsClosed", BOOLEAN).notNillable().readOnly(),
                f("Type", PICKLIST),
                f("LeadSource", PICKLIST),
                f("CampaignId", REFERENCE).references("Campaign", "Campaign"),
                f("Deal_Registration__c", BOOLEAN).notNillable().label("Deal Registration"),
                f("Co_Sell__c", BOOLEAN).notNillable().label("Co-Sell"),
                f("Description", TEXTAREA)));
        // Object Reference, OpportunityPartner: create(), delete(), query(), retrieve() only, so every field is
        // create-only; ReversePartnerId is read-only.
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunitypartner.htm
        types.add(type("OpportunityPartner", "Opportunity Partners", "00J",
                f("OpportunityId", REFERENCE).required().createOnly().references("Opportunity", "Opportunity"),
                f("AccountToId", REFERENCE).required().createOnly().references("Account", "AccountTo"),
                f("IsPrimary", BOOLEAN).notNillable().createOnly(),
                f("Role", PICKLIST).createOnly(),
                f("ReversePartnerId", REFERENCE).readOnly()));
        types.add(type("Campaign", "Campaigns", "701",
                // only in multi-currency orgs (RecordStore.multiCurrency)
                f("CurrencyIsoCode", PICKLIST).label("Currency ISO Code"),
                f("Name", STRING).length(80).required(),
                f("Type", PICKLIST),
                f("Status", PICKLIST),
                f("StartDate", DATE),
                f("EndDate", DATE),
                f("IsActive", BOOLEAN).notNillable(),
                f("Partner_Account__c", REFERENCE).label("Partner Account").references("Account", "Partner_Account__r"),
                f("OwnerId", REFERENCE).notNillable().references("User", "Owner"),
                f("NumberOfLeads", INT).readOnly(),
                f("BudgetedCost", CURRENCY),
                f("ActualCost", CURRENCY),
                f("ExpectedRevenue", CURRENCY),
                f("Description", TEXTAREA)));
        types.add(type("ChannelProgram", "Channel Programs", "0Cp",
                f("Name", STRING).required(),
                f("IsActive", BOOLEAN).notNillable(),
                f("Description", TEXTAREA)));
        types.add(type("ChannelProgramLevel", "Channel Program Levels", "0Cl",
                f("Name", STRING).required(),
                f("ProgramId", REFERENCE).required().createOnly().references("ChannelProgram", "Program"),
                f("Rank", INT),
                f("Description", TEXTAREA)));
        // Object Reference, ChannelProgramMember: PartnerId is Create, Filter, Group, Sort, Update (a member can be
        // moved to another partner); ProgramId is Create only.
        // https://developer.salesforce.com/docs/atlas.en-us.224.0.api.meta/object_ref/sforce_api_objects_channelprogrammember.htm
        types.add(type("ChannelProgramMember", "Channel Program Members", "0Cm",
                f("PartnerId", REFERENCE).required().references("Account", "Partner"),
                f("ProgramId", REFERENCE).required().createOnly().references("ChannelProgram", "Program"),
                f("LevelId", REFERENCE).references("ChannelProgramLevel", "Level"),
                f("Name", STRING).readOnly()));
        types.add(type("PartnerMarketingBudget", "Partner Marketing Budgets", "0ZS",
                f("Title", STRING).required(),
                f("Amount", CURRENCY).required(),
                f("Type", PICKLIST),
                f("StartDate", DATE),
                f("EndDate", DATE),
                f("AllocatedAmount", CURRENCY).readOnly()));
        types.add(type("PartnerFundAllocation", "Partner Fund Allocations", "0ZT",
                f("Title", STRING).required(),
                f("Amount", CURRENCY).required(),
                f("BudgetId", REFERENCE).required().references("PartnerMarketingBudget", "Budget"),
                f("ChannelPartnerId", REFERENCE).required().references("Account", "ChannelPartner"),
                f("Status", PICKLIST)));
        types.add(type("PartnerFundRequest", "Partner Fund Requests", "0ZU",
                // only in multi-currency orgs (RecordStore.multiCurrency)
                f("CurrencyIsoCode", PICKLIST).label("Currency ISO Code"),
                f("Title", STRING),
                f("RequestedAmount", CURRENCY).required(),
                f("Amount", CURRENCY),
                f("CampaignId", REFERENCE).references("Campaign", "Campaign"),
                f("ChannelPartnerId", REFERENCE).required().references("Account", "ChannelPartner"),
                f("AllocationId", REFERENCE).references("PartnerFundAllocation", "Allocation"),
                f("Activity", PICKLIST),
                f("Status", PICKLIST).restrictedPicklist("Draft", "Approved", "Rejected"),
                f("Description", TEXTAREA),
                f("JBP_External_Id__c", STRING).length(80).label("JBP External Id").externalId(true)));
        types.add(type("PartnerFundClaim", "Partner Fund Claims", "0ZV",
                // only in multi-currency orgs (RecordStore.multiCurrency)
                f("CurrencyIsoCode", PICKLIST).label("Currency ISO Code"),
                f("Title", STRING),
                f("Amount", CURRENCY).required(),
                f("RequestId", REFERENCE).required().references("PartnerFundRequest", "Request"),
                f("ChannelPartnerId", REFERENCE).references("Account", "ChannelPartner"),
                f("Status", PICKLIST).restrictedPicklist("Draft", "Approved", "Rejected", "Paid"),
                f("Description", TEXTAREA)));
        types.add(type("Partner_Certification__c", "Partner Certifications", "a0C",
                f("Name", STRING).length(80),
                f("Account__c", REFERENCE).label("Account").required().references("Account", "Account__r"),
                f("Role__c", PICKLIST).label("Role"),
                f("Track__c", PICKLIST).label("Track"),
                f("Status__c", PICKLIST).label("Status"),
                f("Completed_Date__c", DATE).label("Completed Date")));
        types.add(type("Task", "Tasks", "00T",
                f("Subject", STRING),
                f("OwnerId", REFERENCE).notNillable().references("User", "Owner"),
                f("WhatId", REFERENCE).references("Account", "What"),
                f("WhoId", REFERENCE),
                f("ActivityDate", DATE),
                f("Status", PICKLIST).notNillable(),
                f("Priority", PICKLIST).notNillable(),
                f("IsClosed", BOOLEAN).readOnly(),
                f("Description", TEXTAREA),
                f("JBP_External_Id__c", STRING).length(80).label("JBP External Id").externalId(false)));
        return new Schema(types);
    }

    private static FieldDef.Builder f(String name, FieldType type) {
        return FieldDef.builder(name, type).label(labelOf(name));
    }

    private static String labelOf(String apiName) {
        String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3).replace('_', ' ') : apiName;
        return base.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    private static SObjectType type(String name, String plural, String prefix, FieldDef.Builder... own) {
        List<FieldDef.Builder> all = new ArrayList<>();
        all.add(FieldDef.builder("Id", ID).label(name + " ID").readOnly().notNillable());
        all.add(FieldDef.builder("IsDeleted", BOOLEAN).label("Deleted").readOnly().notNillable());
        all.add(FieldDef.builder("CreatedDate", DATETIME).label("Created Date").readOnly().notNillable());
        all.add(FieldDef.builder("CreatedById", REFERENCE).label("Created By ID").readOnly().notNillable()
                .references("User", "CreatedBy"));
        all.add(FieldDef.builder("LastModifiedDate", DATETIME).label("Last Modified Date").readOnly().notNillable());
        all.add(FieldDef.builder("LastModifiedById", REFERENCE).label("Last Modified By ID").readOnly().notNillable()
                .references("User", "LastModifiedBy"));
        all.add(FieldDef.builder("SystemModstamp", DATETIME).label("System Modstamp").readOnly().notNillable());
        all.addAll(List.of(own));
        String label = labelOf(name);
        return new SObjectType(name, label, plural, prefix, all);
    }
}
