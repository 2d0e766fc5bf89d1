// cadre-graph schema: uniqueness constraints (which also index the keys) and search indexes.
// Applied by the ingest before every run; every statement is idempotent (CREATE … IF NOT EXISTS,
// DROP … IF EXISTS).

CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (p:Place) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT office_id IF NOT EXISTS FOR (o:Office) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT reporter_id IF NOT EXISTS FOR (r:Reporter) REQUIRE r.id IS UNIQUE;
// The ingest ledger: one Document per file (source + path), and the ledger's format version.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT ledger_id IF NOT EXISTS FOR (l:Ledger) REQUIRE l.id IS UNIQUE;
// Review decisions on namesakes (same / different person), by the pair of person ids; never touched
// by the ingest, so they survive re-ingest.
CREATE CONSTRAINT namesake_decision_id IF NOT EXISTS FOR (d:NamesakeDecision) REQUIRE d.id IS UNIQUE;
CREATE INDEX namesake_decision_a IF NOT EXISTS FOR (d:NamesakeDecision) ON (d.a);
CREATE INDEX namesake_decision_b IF NOT EXISTS FOR (d:NamesakeDecision) ON (d.b);
// The version-1 ledger (before sources), read once by the migration.
CREATE CONSTRAINT source_doc IF NOT EXISTS FOR (s:Source) REQUIRE s.doc IS UNIQUE;

CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name);
CREATE INDEX place_name IF NOT EXISTS FOR (p:Place) ON (p.name);
CREATE INDEX place_code IF NOT EXISTS FOR (p:Place) ON (p.code);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE INDEX article_doc IF NOT EXISTS FOR (a:Article) ON (a.doc);
// A document's articles are found by the prefix of their ids (<document id>#n) since ledger version 3.
DROP INDEX article_source_doc IF EXISTS;
CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
CREATE INDEX office_name IF NOT EXISTS FOR (o:Office) ON (o.name);
// Replacing a changed file finds its HOLDS edges by article.
CREATE INDEX holds_article IF NOT EXISTS FOR ()-[h:HOLDS]-() ON (h.articleId);
// and its personnel decisions (APPOINTED) the same way.
CREATE INDEX appointed_article IF NOT EXISTS FOR ()-[h:APPOINTED]-() ON (h.articleId);

// Search by Chinese name, title or an office as written (alias): the cjk analyzer indexes character
// bigrams, so 徐旭 and 经信厅 both match. Changing this list needs DROP INDEX search_names first.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS
FOR (n:Person|Place|Office|Event|Reporter) ON EACH [n.name, n.title, n.alias]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Search by pinyin (zhang xusheng, zhangxusheng, kaihua) and initials (zxs): the standard analyzer splits
// the syllables on the spaces. People, places and offices; it replaces search_pinyin (people only).
DROP INDEX search_pinyin IF EXISTS;
CREATE FULLTEXT INDEX search_pinyin_v2 IF NOT EXISTS
FOR (n:Person|Place|Office) ON EACH [n.pinyin, n.initials];
