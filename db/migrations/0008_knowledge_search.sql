-- The knowledge bank's search index (see app/models/knowledge-search.server.ts): one row per
-- published item, rowid = item id, the same tokenizer as the discussions' index (0005), so
-- "coöperatie" and "cooperatie" are the same word. The model writes it in the transaction of
-- every change to an item, so an unpublished or edited item is reflected at once.
CREATE VIRTUAL TABLE `knowledge_search` USING fts5(
	title,
	summary,
	body,
	tags,
	tokenize = 'unicode61 remove_diacritics 2'
);
