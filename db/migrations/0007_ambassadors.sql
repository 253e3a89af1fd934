CREATE TABLE `ambassador_profile` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`headline` text DEFAULT '' NOT NULL,
	`company_name` text DEFAULT '' NOT NULL,
	`sector` text,
	`size_class` text,
	`life_phase` text,
	`province` text,
	`themes` text DEFAULT '[]' NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`bio_html` text DEFAULT '' NOT NULL,
	`offers` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '' NOT NULL,
	`public_fields` text DEFAULT '[]' NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`featured_at` integer,
	`photo` blob,
	`photo_updated_at` integer,
	`updated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ambassador_profile_slug_unique` ON `ambassador_profile` (`slug`);--> statement-breakpoint
CREATE TABLE `ambassador_reach` (
	`ambassador_id` integer NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`ambassador_id`, `day`, `kind`, `source`),
	FOREIGN KEY (`ambassador_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contact_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ambassador_id` integer NOT NULL,
	`sender_id` integer,
	`sender_name` text NOT NULL,
	`sender_email` text NOT NULL,
	`sender_locale` text DEFAULT 'nl' NOT NULL,
	`message` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text,
	`referred_ids` text DEFAULT '[]' NOT NULL,
	`answered_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`ambassador_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sender_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contact_request_ambassador_idx` ON `contact_request` (`ambassador_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `knowledge_approval` (
	`item_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`approved_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`item_id`, `user_id`),
	FOREIGN KEY (`item_id`) REFERENCES `knowledge_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_approval_user_idx` ON `knowledge_approval` (`user_id`,`approved_at`);--> statement-breakpoint
CREATE TABLE `knowledge_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`url` text,
	`ambassador_id` integer,
	`created_by_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`sectors` text DEFAULT '[]' NOT NULL,
	`life_phases` text DEFAULT '[]' NOT NULL,
	`size_classes` text DEFAULT '[]' NOT NULL,
	`source_circle_id` integer,
	`source_meeting_id` integer,
	`source_thread_id` integer,
	`published_at` integer,
	`updated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`ambassador_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_circle_id`) REFERENCES `circle`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_thread_id`) REFERENCES `thread`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `knowledge_item_slug_unique` ON `knowledge_item` (`slug`);--> statement-breakpoint
CREATE INDEX `knowledge_item_status_idx` ON `knowledge_item` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `knowledge_item_ambassador_idx` ON `knowledge_item` (`ambassador_id`,`status`);--> statement-breakpoint
CREATE TABLE `support_organisation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`url` text NOT NULL,
	`email` text,
	`phone` text,
	`provinces` text DEFAULT '[]' NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`created_by_id` integer,
	`updated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
