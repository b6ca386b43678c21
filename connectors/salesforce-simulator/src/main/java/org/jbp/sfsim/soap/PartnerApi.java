package org.jbp.sfsim.soap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.fault.FaultInjector;
import org.jbp.sfsim.soql.AggregateColumn;
import org.jbp.sfsim.soql.CompiledQuery;
import org.jbp.sfsim.soql.OutputNode;
import org.jbp.sfsim.soql.QueryResult;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.FaultKind;
import org.jbp.sfsim.store.FieldDef;
import org.jbp.sfsim.store.FieldType;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.RecordError;
import org.jbp.sfsim.store.RecordStore;
import org.jbp.sfsim.store.SObjectType;
import org.jbp.sfsim.store.SalesforceIds;
import org.jbp.sfsim.store.Values;
import org.jbp.sfsim.store.WriteResult;

/**
 * The partner API operations. Each reads its request element and writes its {@code <xxxResponse>} in the
 * element order of the partner WSDL; whole-call failures are thrown as {@link ApiFaultException}.
 */
final class PartnerApi {

    static final String API_VERSION = "64.0";
    private static final int MAX_WRITE_RECORDS = 200;
    private static final int MAX_RETRIEVE_IDS = 2_000;
    private static final int DEFAULT_BATCH = 500;

    private final Org org;
    private final SimulatorConfig config;
    private final Sessions sessions;
    private final Cursors cursors;
    private final FaultInjector faults;

    PartnerApi(Org org, SimulatorConfig config, Sessions sessions, Cursors cursors, FaultInjector faults) {
        this.org = org;
        this.config = config;
        this.sessions = sessions;
        this.cursors = cursors;
        this.faults = faults;
    }

    /** What a call knows besides its body: the base URL, the session's user and the SOAP headers. */
    record Call(String baseUrl, String userId, XmlNode header) {
        Optional<XmlNode> header(String name) {
            return header == null ? Optional.empty() : header.child(name);
        }
    }

    void dispatch(String operation, XmlNode request, Call call, SoapWriter w) throws XMLStreamException {
        switch (operation) {
            case "login" -> login(request, call, w);
            case "logout" -> {
                call.header("SessionHeader").ifPresent(h -> sessions.invalidate(h.childText("sessionId")));
                w.start("logoutResponse");
                w.end();
            }
            case "getUserInfo" -> {
                w.start("getUserInfoResponse");
                w.start("result");
                userInfo(w, call.userId());
                w.end();
                w.end();
            }
            case "getServerTimestamp" -> {
                w.start("getServerTimestampResponse");
                w.start("result");
                w.element("timestamp", Values.format(org.clock().instant()));
                w.end();
                w.end();
            }
            case "query" -> query(request, call, w, false, "queryResponse");
            case "queryAll" -> query(request, call, w, true, "queryAllResponse");
            case "queryMore" -> queryMore(request, call, w);
            case "create" -> create(request, w);
            case "update" -> update(request, w);
            case "upsert" -> upsert(request, w);
            case "delete" -> delete(request, w);
            case "retrieve" -> retrieve(request, w);
            case "describeSObject" -> {
                w.start("describeSObjectResponse");
                describe(w, type(request.childText("sObjectType")), "result");
                w.end();
            }
            case "describeSObjects" -> {
                w.start("describeSObjectsResponse");
                for (XmlNode n : request.all("sObjectType")) {
                    describe(w, type(n.text()), "result");
                }
                w.end();
            }
            case "describeGlobal" -> describeGlobal(w);
            default -> throw new UnknownOperationException(operation);
        }
    }

    /** An operation the simulator does not serve; answered as a soapenv:Client fault. */
    static final class UnknownOperationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownOperationException(String operation) {
            super("No operation available for request {" + SoapWriter.PARTNER + "}" + operation, null, false, false);
        }
    }

    // ------------------------------------------------------------------ login

    private void login(XmlNode request, Call call, SoapWriter w) throws XMLStreamException {
        String username = request.childText("username");
        String password = request.childText("password");
        if (username == null || password == null || !username.trim().equalsIgnoreCase(config.username())
                || !password.equals(config.password())) {
            throw new ApiFaultException("INVALID_LOGIN", "Invalid username, password, security token; or user "
                    + "locked out.", FaultKind.LOGIN);
        }
        String userId = org.adminUserId();
        String sessionId = sessions.create(userId);
        String orgId15 = org.organizationId().substring(0, 15);
        w.start("loginResponse");
        w.start("result");
        w.element("metadataServerUrl", call.baseUrl() + "/services/Soap/m/" + API_VERSION + "/" + orgId15);
        w.element("passwordExpired", "false");
        w.element("sandbox", "false");
        w.element("serverUrl", call.baseUrl() + "/services/Soap/u/" + API_VERSION + "/" + orgId15);
        w.element("sessionId", sessionId);
        w.element("userId", userId);
        w.start("userInfo");
        userInfo(w, userId);
        w.end();
        w.end();
        w.end();
    }

    private void userInfo(SoapWriter w, String userId) throws XMLStreamException {
        Map<String, Object> user = org.get(userId).orElseThrow();
        w.element("accessibilityMode", "false");
        w.element("chatterExternal", "false");
        w.element("currencySymbol", "$");
        w.element("orgAttachmentFileSizeLimit", "5242880");
        w.element("orgDefaultCurrencyIsoCode", org.multiCurrency() ? org.corporateCurrency() : "USD");
        w.element("orgDefaultCurrencyLocale", "en_US");
        w.element("orgDisallowHtmlAttachments", "false");
        w.element("orgHasPersonAccounts", "false");
        w.element("organizationId", org.organizationId());
        w.element("organizationMultiCurrency", Boolean.toString(org.multiCurrency()));
        w.element("organizationName", org.organizationName());
        w.element("profileId", SalesforceIds.of("00e", 3_200_001L));
        w.nil("roleId");
        w.element("sessionSecondsValid", Long.toString(sessions.timeoutSeconds()));
        w.nil("userDefaultCurrencyIsoCode");
        w.element("userEmail", (String) user.get("Email"));
        w.element("userFullName", (String) user.get("Name"));
        w.element("userId", userId);
        w.element("userLanguage", "en_US");
        w.element("userLocale", "en_US");
        w.element("userName", (String) user.get("Username"));
        w.element("userTimeZone", user.get("TimeZoneSidKey") == null ? "GMT" : (String) user.get("TimeZoneSidKey"));
        w.element("userType", "Standard");
        w.element("userUiSkin", "Theme3");
    }

    // ------------------------------------------------------------------ queries

    private int batchSize(Call call) {
        return call.header("QueryOptions").map(h -> h.childText("batchSize")).map(s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return DEFAULT_BATCH;
            }
        }).map(n -> Math.max(200, Math.min(2000, n))).orElse(DEFAULT_BATCH);
    }

    private void query(XmlNode request, Call call, SoapWriter w, boolean all, String responseName)
            throws XMLStreamException {
        String soql = request.childText("queryString");
        CompiledQuery q = org.queryEngine().compile(soql == null ? "" : soql);
        if (faults.timesOut(soql)) {
            throw new ApiFaultException("QUERY_TIMEOUT", "Your query request was running for too long.",
                    FaultKind.UNEXPECTED_ERROR);
        }
        long timeoutOver = faults.queryTimeoutOver(q.type().name());
        QueryResult result = org.store().read(() -> org.queryEngine().execute(q, all, timeoutOver));
        int batch = q.aggregate() ? Integer.MAX_VALUE : batchSize(call);
        writeQueryResult(w, responseName, result, 0, batch, null);
    }

    private void queryMore(XmlNode request, Call call, SoapWriter w) throws XMLStreamException {
        String locator = request.childText("queryLocator");
        ApiFaultException invalid = new ApiFaultException("INVALID_QUERY_LOCATOR", "invalid query locator",
                FaultKind.INVALID_QUERY_LOCATOR);
        if (locator == null) {
            throw invalid;
        }
        int dash = locator.lastIndexOf('-');
        if (dash < 0) {
            throw invalid;
        }
        String id = locator.substring(0, dash).trim();
        int offset;
        try {
            offset = Integer.parseInt(locator.substring(dash + 1).trim());
        } catch (NumberFormatException e) {
            throw invalid;
        }
        Cursors.Cursor cursor = cursors.get(id).orElseThrow(() -> invalid);
        if (offset < 0 || offset > cursor.result.size()) {
            throw invalid;
        }
        writeQueryResult(w, "queryMoreResponse", cursor.result, offset, batchSize(call), cursor.id);
    }

    private void writeQueryResult(SoapWriter w, String responseName, QueryResult result, int offset, int batch,
                                  String cursorId) throws XMLStreamException {
        CompiledQuery q = result.query();
        int size = result.size();
        int end = q.countOnly() ? offset : (int) Math.min(size, (long) offset + batch);
        boolean done = end >= size || q.countOnly();
        String locator = null;
        if (!done) {
            String id = cursorId != null ? cursorId : cursors.open(result);
            locator = id + "-" + end;
        } else if (cursorId != null) {
            cursors.close(cursorId);
        }
        w.start(responseName);
        w.startTyped("result", "QueryResult");
        w.element("done", Boolean.toString(done));
        w.element("queryLocator", locator);
        if (q.aggregate()) {
            for (int i = offset; i < end; i++) {
                writeAggregate(w, q, result.rows().get(i));
            }
        } else if (!q.countOnly()) {
            List<Record> records = result.records();
            for (int i = offset; i < end; i++) {
                writeRecord(w, "records", q, records.get(i));
            }
        }
        w.element("size", Integer.toString(size));
        w.end();
        w.end();
    }

    private static String text(Object v) {
        return v == null ? null : Values.format(v);
    }

    private static boolean selectsId(List<FieldDef> fields) {
        for (FieldDef f : fields) {
            if (f.index() == SObjectType.ID) {
                return true;
            }
        }
        return false;
    }

    /** A record: sf:type, the sObject's own sf:Id, then the selected fields with parents nested. */
    private void writeRecord(SoapWriter w, String element, CompiledQuery q, Record r) throws XMLStreamException {
        w.startTyped(element, "sf:sObject");
        w.sfElement("type", r.type().name());
        boolean idSelected = false;
        for (OutputNode n : q.shape()) {
            if (n instanceof OutputNode.Field f && f.field().index() == SObjectType.ID) {
                idSelected = true;
            }
        }
        String id = idSelected ? r.id() : null;
        w.sfElement("Id", id);
        for (OutputNode n : q.shape()) {
            if (n instanceof OutputNode.Field f) {
                w.sfElement(f.field().name(), f.field().index() == SObjectType.ID ? id : text(r.get(f.field())));
            } else {
                OutputNode.Parent p = (OutputNode.Parent) n;
                Record parent = q.parent(r, p.reference());
                String rel = p.reference().relationshipName();
                if (parent == null) {
                    w.sfNil(rel);
                    continue;
                }
                w.startSfTyped(rel, "sf:sObject");
                w.sfElement("type", parent.type().name());
                w.sfElement("Id", selectsId(p.fields()) ? parent.id() : null);
                for (FieldDef f : p.fields()) {
                    w.sfElement(f.name(), text(parent.get(f)));
                }
                w.end();
            }
        }
        w.end();
    }

    private void writeAggregate(SoapWriter w, CompiledQuery q, Object[] row) throws XMLStreamException {
        w.startTyped("records", "sf:sObject");
        w.sfElement("type", "AggregateResult");
        w.sfNil("Id");
        List<AggregateColumn> cols = q.aggregateColumns();
        for (int i = 0; i < cols.size(); i++) {
            w.sfTypedElement(cols.get(i).name(), cols.get(i).xsiType(), text(row[i]));
        }
        w.end();
    }

    // ------------------------------------------------------------------ writes

    /** One sObject of a write request. */
    private record Input(SObjectType type, String id, Map<String, Object> fields, Set<String> fieldsToNull) {
    }

    private List<Input> inputs(XmlNode request) {
        List<XmlNode> nodes = request.all("sObjects");
        if (nodes.size() > MAX_WRITE_RECORDS) {
            throw new ApiFaultException("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_WRITE_RECORDS + " records into this call", FaultKind.UNEXPECTED_ERROR);
        }
        List<Input> inputs = new ArrayList<>();
        for (XmlNode n : nodes) {
            String typeName = n.childText("type");
            if (typeName == null || typeName.isBlank()) {
                throw new ApiFaultException("INVALID_TYPE", "Must send a concrete entity type.",
                        FaultKind.INVALID_SOBJECT);
            }
            SObjectType type = type(typeName.trim());
            String id = null;
            Map<String, Object> fields = new LinkedHashMap<>();
            Set<String> toNull = new LinkedHashSet<>();
            for (XmlNode c : n.children()) {
                switch (c.name()) {
                    case "type" -> {
                    }
                    case "Id" -> id = c.text() == null || c.text().isBlank() ? id : c.text().trim();
                    case "fieldsToNull" -> {
                        String f = c.text() == null ? "" : c.text().trim();
                        if (!f.isEmpty()) {
                            fieldName(type, f);
                            toNull.add(f);
                        }
                    }
                    default -> {
                        if (!c.children().isEmpty()) {
                            throw new ApiFaultException("INVALID_FIELD", "Foreign key external ID references ("
                                    + c.name() + ") are not supported by the simulator", FaultKind.INVALID_FIELD);
                        }
                        fieldName(type, c.name());
                        if (!c.nil()) {
                            fields.put(c.name(), c.text());
                        }
                    }
                }
            }
            inputs.add(new Input(type, id, fields, toNull));
        }
        return inputs;
    }

    private static void fieldName(SObjectType type, String name) {
        if (type.field(name).isEmpty()) {
            throw ApiFaultException.noSuchColumn(name, type.name());
        }
    }

    private SObjectType type(String name) {
        if (name == null) {
            throw ApiFaultException.invalidType("null");
        }
        return org.schema().type(name.trim()).orElseThrow(() -> ApiFaultException.invalidType(name.trim()));
    }

    private Optional<WriteResult> injectedRecordError(String id) {
        return faults.takeRecordError().map(code -> WriteResult.failed(id, RecordError.of(code, switch (code) {
            case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records: "
                    + (id == null ? "" : id);
            default -> code.toLowerCase(Locale.ROOT).replace('_', ' ');
        })));
    }

    private void create(XmlNode request, SoapWriter w) throws XMLStreamException {
        List<Input> inputs = inputs(request);
        RecordStore store = org.store();
        List<WriteResult> results = store.write(() -> {
            List<WriteResult> out = new ArrayList<>();
            for (Input in : inputs) {
                Map<String, Object> fields = new LinkedHashMap<>(in.fields());
                if (in.id() != null) {
                    fields.put("Id", in.id());
                }
                out.add(injectedRecordError(null).orElseGet(() -> store.insert(in.type(), fields,
                        RecordStore.Mode.API)));
            }
            return out;
        });
        writeSaveResults(w, "createResponse", results, false);
    }

    private void update(XmlNode request, SoapWriter w) throws XMLStreamException {
        List<Input> inputs = inputs(request);
        RecordStore store = org.store();
        List<WriteResult> results = store.write(() -> {
            List<WriteResult> out = new ArrayList<>();
            for (Input in : inputs) {
                if (in.id() != null && SalesforceIds.isValid(in.id())
                        && !in.id().startsWith(in.type().keyPrefix())) {
                    out.add(WriteResult.failed(null, RecordError.of("MALFORMED_ID", in.type().label()
                            + " ID: id value of incorrect type: " + in.id(), "Id")));
                    continue;
                }
                out.add(injectedRecordError(in.id()).orElseGet(() -> store.update(in.id(), in.fields(),
                        in.fieldsToNull(), RecordStore.Mode.API)));
            }
            return out;
        });
        writeSaveResults(w, "updateResponse", results, false);
    }

    private void upsert(XmlNode request, SoapWriter w) throws XMLStreamException {
        String extName = request.childText("externalIDFieldName");
        List<Input> inputs = inputs(request);
        if (extName == null || extName.isBlank()) {
            throw new ApiFaultException("INVALID_FIELD", "External ID field name is required", FaultKind.INVALID_FIELD);
        }
        Map<SObjectType, FieldDef> extFields = new HashMap<>();
        for (Input in : inputs) {
            FieldDef f = in.type().field(extName.trim())
                    .filter(d -> d.externalId() || d.index() == SObjectType.ID)
                    .orElseThrow(() -> new ApiFaultException("INVALID_FIELD", "Field name provided, " + extName.trim()
                            + " is not an External ID or indexed field for " + in.type().name(),
                            FaultKind.INVALID_FIELD));
            extFields.put(in.type(), f);
        }
        Map<String, Integer> keyCounts = new HashMap<>();
        for (Input in : inputs) {
            String key = keyOf(in, extFields.get(in.type()));
            if (key != null) {
                keyCounts.merge(in.type().name() + "\u0000" + key, 1, Integer::sum);
            }
        }
        RecordStore store = org.store();
        List<WriteResult> results = store.write(() -> {
            List<WriteResult> out = new ArrayList<>();
            for (Input in : inputs) {
                FieldDef ext = extFields.get(in.type());
                String key = keyOf(in, ext);
                if (key != null && keyCounts.get(in.type().name() + "\u0000" + key) > 1) {
                    out.add(WriteResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
                            "Duplicate external id specified: " + key, ext.name())));
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>(in.fields());
                if (ext.index() == SObjectType.ID && in.id() != null) {
                    fields.put("Id", in.id());
                }
                out.add(injectedRecordError(null).orElseGet(() -> store.upsert(in.type(), ext, fields,
                        in.fieldsToNull())));
            }
            return out;
        });
        writeSaveResults(w, "upsertResponse", results, true);
    }

    private static String keyOf(Input in, FieldDef ext) {
        Object v = ext.index() == SObjectType.ID ? in.id() : null;
        for (Map.Entry<String, Object> e : in.fields().entrySet()) {
            if (e.getKey().equalsIgnoreCase(ext.name())) {
                v = e.getValue();
            }
        }
        return v == null || v.toString().isEmpty() ? null : v.toString().toLowerCase(Locale.ROOT);
    }

    private void delete(XmlNode request, SoapWriter w) throws XMLStreamException {
        List<XmlNode> ids = request.all("ids");
        if (ids.size() > MAX_WRITE_RECORDS) {
            throw new ApiFaultException("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_WRITE_RECORDS + " records into this call", FaultKind.UNEXPECTED_ERROR);
        }
        RecordStore store = org.store();
        List<WriteResult> results = store.write(() -> {
            List<WriteResult> out = new ArrayList<>();
            for (XmlNode n : ids) {
                String id = n.text() == null ? null : n.text().trim();
                out.add(injectedRecordError(id).orElseGet(() -> store.delete(id)));
            }
            return out;
        });
        writeSaveResults(w, "deleteResponse", results, false);
    }

    private void writeSaveResults(SoapWriter w, String response, List<WriteResult> results, boolean upsert)
            throws XMLStreamException {
        w.start(response);
        for (WriteResult r : results) {
            w.start("result");
            if (upsert) {
                w.element("created", Boolean.toString(r.success() && r.created()));
            }
            for (RecordError e : r.errors()) {
                w.start("errors");
                for (String f : e.fields()) {
                    w.element("fields", f);
                }
                w.element("message", e.message());
                w.element("statusCode", e.statusCode());
                w.end();
            }
            w.element("id", r.success() ? r.id() : null);
            w.element("success", Boolean.toString(r.success()));
            w.end();
        }
        w.end();
    }

    private void retrieve(XmlNode request, SoapWriter w) throws XMLStreamException {
        String fieldList = request.childText("fieldList");
        SObjectType type = type(request.childText("sObjectType"));
        List<XmlNode> ids = request.all("ids");
        if (ids.size() > MAX_RETRIEVE_IDS) {
            throw new ApiFaultException("EXCEEDED_ID_LIMIT", "too many ids, maximum is " + MAX_RETRIEVE_IDS,
                    FaultKind.UNEXPECTED_ERROR);
        }
        CompiledQuery q = org.queryEngine().compile("SELECT " + (fieldList == null || fieldList.isBlank() ? "Id"
                : fieldList) + " FROM " + type.name());
        w.start("retrieveResponse");
        for (XmlNode n : ids) {
            String id = n.text() == null ? "" : n.text().trim();
            Optional<Record> r = org.store().find(id).filter(rec -> rec.type() == type);
            if (r.isEmpty()) {
                w.nil("result");
            } else {
                writeRecord(w, "result", q, r.get());
            }
        }
        w.end();
    }

    // ------------------------------------------------------------------ describe

    private void describe(SoapWriter w, SObjectType t, String element) throws XMLStreamException {
        boolean system = t.name().equals("User") || t.name().equals("RecordType");
        w.start(element);
        w.element("activateable", "false");
        w.nil("associateEntityType");
        w.nil("associateParentEntity");
        w.element("compactLayoutable", "true");
        w.element("createable", Boolean.toString(!system));
        w.element("custom", Boolean.toString(t.custom()));
        w.element("customSetting", "false");
        w.element("dataTranslationEnabled", "false");
        w.element("deepCloneable", "false");
        w.nil("defaultImplementation");
        w.element("deletable", Boolean.toString(!system));
        w.element("deprecatedAndHidden", "false");
        w.element("feedEnabled", "false");
        for (FieldDef f : t.fields()) {
            if (!org.hidden(f)) {
                describeField(w, f);
            }
        }
        w.element("hasSubtypes", "false");
        w.element("idEnabled", "true");
        w.nil("implementedBy");
        w.nil("implementsInterfaces");
        describeKind(w, t);
        w.element("listviewable", "true");
        w.element("lookupLayoutable", "true");
        w.element("mergeable", Boolean.toString(t.name().equals("Account")));
        w.element("mruEnabled", "true");
        w.element("name", t.name());
        w.nil("networkScopeFieldName");
        w.element("queryable", "true");
        w.element("replicateable", "true");
        w.element("retrieveable", "true");
        w.element("searchLayoutable", "true");
        w.element("searchable", "true");
        w.element("triggerable", "true");
        w.element("undeletable", "true");
        w.element("updateable", Boolean.toString(!t.name().equals("RecordType")));
        w.nil("urlDetail");
        w.nil("urlEdit");
        w.nil("urlNew");
        w.end();
    }

    /**
     * What DescribeSObjectResult and DescribeGlobalSObjectResult both say from isInterface to layoutable, in the
     * order of the partner WSDL's sequences (WSC reads the elements in that order).
     */
    private static void describeKind(SoapWriter w, SObjectType t) throws XMLStreamException {
        w.element("isInterface", "false");
        w.element("isSubtype", "false");
        w.element("keyPrefix", t.keyPrefix());
        w.element("label", t.label());
        w.element("labelPlural", t.labelPlural());
        w.element("layoutable", "true");
    }

    private void describeField(SoapWriter w, FieldDef f) throws XMLStreamException {
        FieldType t = f.type();
        boolean text = t.isText() || t.isIdLike();
        w.start("fields");
        w.element("aggregatable", Boolean.toString(t != FieldType.TEXTAREA));
        w.element("aiPredictionField", "false");
        w.element("autoNumber", "false");
        w.element("byteLength", Integer.toString(text ? f.length() * 3 : 0));
        w.element("calculated", "false");
        w.nil("calculatedFormula");
        w.element("cascadeDelete", "false");
        w.element("caseSensitive", "false");
        w.nil("compoundFieldName");
        w.nil("controllerName");
        w.element("createable", Boolean.toString(f.createable()));
        w.element("custom", Boolean.toString(f.custom()));
        w.element("dataTranslationEnabled", "false");
        w.nil("defaultValue");
        w.nil("defaultValueFormula");
        w.element("defaultedOnCreate", Boolean.toString(t == FieldType.BOOLEAN || f.name().equals("OwnerId")
                || f.index() <= SObjectType.SYSTEM_MODSTAMP));
        w.element("dependentPicklist", "false");
        w.element("deprecatedAndHidden", "false");
        w.element("digits", Integer.toString(t == FieldType.INT ? 9 : 0));
        w.element("displayLocationInDecimal", "false");
        w.element("encrypted", "false");
        w.element("externalId", Boolean.toString(f.externalId()));
        w.nil("extraTypeInfo");
        w.element("filterable", Boolean.toString(t != FieldType.TEXTAREA));
        w.nil("filteredLookupInfo");
        w.element("formulaTreatNullNumberAsZero", "false");
        w.element("groupable", Boolean.toString(t != FieldType.TEXTAREA && !t.isNumeric()));
        w.element("highScaleNumber", "false");
        w.element("htmlFormatted", "false");
        w.element("idLookup", Boolean.toString(f.index() == SObjectType.ID || f.externalId()));
        w.nil("inlineHelpText");
        w.element("label", f.label());
        w.element("length", Integer.toString(text && !t.isIdLike() ? f.length() : t.isIdLike() ? 18 : 0));
        w.nil("mask");
        w.nil("maskType");
        w.element("name", f.name());
        w.element("nameField", Boolean.toString(f.name().equals("Name")));
        w.element("namePointing", "false");
        w.element("nillable", Boolean.toString(f.nillable()));
        w.element("permissionable", Boolean.toString(f.nillable() && f.createable()));
        w.element("polymorphicForeignKey", "false");
        w.element("precision", Integer.toString(t.isNumeric() && t != FieldType.INT ? 18 : 0));
        w.element("queryByDistance", "false");
        w.nil("referenceTargetField");
        if (f.referenceTo() != null) {
            w.element("referenceTo", f.referenceTo());
        }
        w.element("relationshipName", f.relationshipName());
        w.element("restrictedDelete", "false");
        w.element("restrictedPicklist", Boolean.toString(f.restrictedPicklist()));
        w.element("scale", Integer.toString(t == FieldType.CURRENCY || t == FieldType.DOUBLE
                || t == FieldType.PERCENT ? 2 : 0));
        w.element("searchPrefilterable", "false");
        w.element("soapType", t.soapType());
        w.element("sortable", Boolean.toString(t != FieldType.TEXTAREA));
        w.element("type", t.describeName());
        w.element("unique", Boolean.toString(f.unique()));
        w.element("updateable", Boolean.toString(f.updateable()));
        w.element("writeRequiresMasterRead", "false");
        w.end();
    }

    private void describeGlobal(SoapWriter w) throws XMLStreamException {
        w.start("describeGlobalResponse");
        w.start("result");
        w.element("encoding", "UTF-8");
        w.element("maxBatchSize", Integer.toString(MAX_WRITE_RECORDS));
        for (SObjectType t : org.schema().types()) {
            w.start("sobjects");
            w.element("activateable", "false");
            w.nil("associateEntityType");
            w.nil("associateParentEntity");
            w.element("createable", "true");
            w.element("custom", Boolean.toString(t.custom()));
            w.element("customSetting", "false");
            w.element("dataTranslationEnabled", "false");
            w.element("deepCloneable", "false");
            w.element("deletable", "true");
            w.element("deprecatedAndHidden", "false");
            w.element("feedEnabled", "false");
            w.element("hasSubtypes", "false");
            w.element("idEnabled", "true");
            describeKind(w, t);
            w.element("mergeable", "false");
            w.element("mruEnabled", "true");
            w.element("name", t.name());
            w.element("queryable", "true");
            w.element("replicateable", "true");
            w.element("retrieveable", "true");
            w.element("searchable", "true");
            w.element("triggerable", "true");
            w.element("undeletable", "true");
            w.element("updateable", "true");
            w.end();
        }
        w.end();
        w.end();
    }

    static String timestamp(Instant i) {
        return Values.format(i);
    }
}
