-- legacy-xbrl database schema: the facts of converted filings, with their provenance.
-- Modelled on Arelle's xbrlDB "semantic" schema (filing, entity, concept, period, unit, context
-- with dimensions, data points) and on the SEC Financial Statement Data Sets (sub = filing,
-- tag = concept, num = fact). One text for SQLite and PostgreSQL: {id} is the surrogate key
-- type, {decimal} the type of a number (NUMERIC in PostgreSQL; TEXT holding the exact decimal
-- in SQLite, whose NUMERIC affinity would turn 0.62 into a binary float), {create_view} the
-- dialect's way to create a view once. Statements are separated by a semicolon at a line end.

CREATE TABLE IF NOT EXISTS entity (
    entity_id {id} PRIMARY KEY,
    scheme TEXT NOT NULL,                      -- http://www.sec.gov/CIK
    identifier TEXT NOT NULL,                  -- 0001090633
    name TEXT,
    UNIQUE (scheme, identifier)
);

CREATE TABLE IF NOT EXISTS filing (
    filing_id {id} PRIMARY KEY,
    instance_sha256 TEXT NOT NULL UNIQUE,      -- SHA-256 over the outputs read: .xbrl, .json, .jsonld, .report.json
    instance_file TEXT NOT NULL,               -- the file hashed: iij-2003-08-12-6k-1q03-earnings-release.xbrl
    document_name TEXT NOT NULL,               -- the input: iij-2003-08-12-6k-1q03-earnings-release.txt
    document_date DATE,
    fiscal_year_end TEXT,                      -- MM-DD
    entity_id INTEGER NOT NULL REFERENCES entity (entity_id),
    taxonomy TEXT NOT NULL,                    -- entry point URL
    fact_count INTEGER NOT NULL,
    validation_errors INTEGER,                 -- Arelle's verdict from the report, when it was validated
    validation_inconsistencies INTEGER
);

-- A concept is its namespace and local name: two filings' extension concepts of one prefixed name
-- (ext:InterestExpense) are two concepts, each with its own label and the filing that declares it.
CREATE TABLE IF NOT EXISTS concept (
    concept_id {id} PRIMARY KEY,
    namespace TEXT NOT NULL,                   -- http://legacy-xbrl.org/taxonomy/2025
    local_name TEXT NOT NULL,                  -- Revenues
    qname TEXT NOT NULL,                       -- lx:Revenues, as the filing prefixes it
    label TEXT,                                -- standard label (an extension concept's from its schema)
    data_type TEXT,                            -- xbrli:monetaryItemType
    period_type TEXT,                          -- duration | instant
    balance TEXT,                              -- debit | credit
    us_gaap_concept TEXT,                      -- us-gaap:Revenues
    us_gaap_relation TEXT,                     -- exact | narrower | related | none
    filing_id INTEGER REFERENCES filing (filing_id), -- the filing whose extension declares it; NULL: the taxonomy's
    UNIQUE (namespace, local_name)
);

CREATE TABLE IF NOT EXISTS period (
    period_id {id} PRIMARY KEY,
    period_key TEXT NOT NULL UNIQUE,           -- 2003-06-30 or 2003-04-01_2003-06-30
    start_date DATE,                           -- NULL for an instant
    end_date DATE,                             -- inclusive, as in XBRL 2.1 XML; NULL for an instant
    instant_date DATE                          -- NULL for a duration
);

CREATE TABLE IF NOT EXISTS unit (
    unit_id {id} PRIMARY KEY,
    unit_key TEXT NOT NULL UNIQUE,             -- OIM form: iso4217:JPY/xbrli:shares; xbrli:pure
    numerators TEXT NOT NULL,                  -- measures joined by *
    denominators TEXT NOT NULL                 -- '' when none
);

CREATE TABLE IF NOT EXISTS context (
    context_id {id} PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity (entity_id),
    period_id INTEGER NOT NULL REFERENCES period (period_id),
    dimensions TEXT NOT NULL,                  -- lx:SegmentAxis=lx:DataCenterMember;... sorted, '' when none
    UNIQUE (entity_id, period_id, dimensions)
);

CREATE TABLE IF NOT EXISTS context_dimension (
    context_id INTEGER NOT NULL REFERENCES context (context_id),
    axis TEXT NOT NULL,                        -- lx:SegmentAxis
    member TEXT NOT NULL,                      -- lx:DataCenterMember
    PRIMARY KEY (context_id, axis)
);

CREATE TABLE IF NOT EXISTS fact (
    filing_id INTEGER NOT NULL REFERENCES filing (filing_id),
    fact_key TEXT NOT NULL,                    -- the fact id shared by all outputs: f-4c4a63b61427
    concept_id INTEGER NOT NULL REFERENCES concept (concept_id),
    context_id INTEGER NOT NULL REFERENCES context (context_id),
    unit_id INTEGER REFERENCES unit (unit_id), -- NULL for a non-numeric fact
    value {decimal},                           -- the exact decimal; never a binary float
    text_value TEXT,                           -- a non-numeric fact's value
    decimals INTEGER,                          -- NULL means INF (an exact figure)
    fy INTEGER,                                -- fiscal year (named by the calendar year it ends in); NULL: no fiscal year end
    fp TEXT,                                   -- fiscal period: Q1..Q4, or FY (a year, or an instant at the year end)
    qtrs INTEGER,                              -- quarters the period spans, rounded; 0 for an instant (SEC's qtrs)
    PRIMARY KEY (filing_id, fact_key)
);

CREATE TABLE IF NOT EXISTS fact_source (
    filing_id INTEGER NOT NULL,
    fact_key TEXT NOT NULL,
    seq INTEGER NOT NULL,                      -- 1 is the most precise printing of the figure
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    column_start INTEGER,
    column_end INTEGER,
    cell TEXT,                                 -- the printed figure: (1,059,574)
    source_text TEXT NOT NULL,                 -- the exact source lines
    PRIMARY KEY (filing_id, fact_key, seq),
    FOREIGN KEY (filing_id, fact_key) REFERENCES fact (filing_id, fact_key)
);

CREATE INDEX IF NOT EXISTS fact_concept ON fact (concept_id);

CREATE INDEX IF NOT EXISTS fact_context ON fact (context_id);

-- Dropped and made again on every load, so a database made before a column was added gets it.
DROP VIEW IF EXISTS facts;

{create_view} facts AS
SELECT
    f.filing_id,
    fi.document_name AS filing,
    fi.instance_sha256,
    e.scheme AS entity_scheme,
    e.identifier AS entity,
    e.name AS entity_name,
    c.qname AS concept,
    c.namespace AS concept_namespace,
    c.label,
    c.us_gaap_concept,
    p.start_date AS period_start,
    p.end_date AS period_end,
    p.instant_date AS period_instant,
    f.fy,
    f.fp,
    f.qtrs,
    u.unit_key AS unit,
    f.value,
    f.text_value,
    f.decimals,
    x.dimensions,
    s.line_start,
    s.line_end,
    s.source_text,
    f.fact_key
FROM fact f
JOIN filing fi ON fi.filing_id = f.filing_id
JOIN concept c ON c.concept_id = f.concept_id
JOIN context x ON x.context_id = f.context_id
JOIN entity e ON e.entity_id = x.entity_id
JOIN period p ON p.period_id = x.period_id
LEFT JOIN unit u ON u.unit_id = f.unit_id
LEFT JOIN fact_source s ON s.filing_id = f.filing_id AND s.fact_key = f.fact_key AND s.seq = 1;
