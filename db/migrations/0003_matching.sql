CREATE TABLE `matching_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`created_by_id` integer,
	`policy` text NOT NULL,
	`circles` text NOT NULL,
	`seed` integer NOT NULL,
	`accepted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `matching_proposal_programme_idx` ON `matching_proposal` (`programme_id`);--> statement-breakpoint
ALTER TABLE `profile` ADD `competitors_ok` integer DEFAULT false NOT NULL;