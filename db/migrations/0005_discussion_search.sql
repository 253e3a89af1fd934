-- The discussions' search index (see app/models/discussion-search.server.ts). One row per
-- readable post, rowid = post id. unicode61 with remove_diacritics 2 folds "ideeën" to "ideeen"
-- in the index and in queries alike. The model keeps it in sync in each write's transaction.
CREATE VIRTUAL TABLE `post_search` USING fts5(
	title,
	body,
	thread_id UNINDEXED,
	circle_id UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2'
);
