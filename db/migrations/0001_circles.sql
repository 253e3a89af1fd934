CREATE TABLE `circle_coach` (
	`circle_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`circle_id`, `user_id`),
	FOREIGN KEY (`circle_id`) REFERENCES `circle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `circle_coach_user_idx` ON `circle_coach` (`user_id`);--> statement-breakpoint
CREATE TABLE `circle` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`name` text NOT NULL,
	`theme` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'forming' NOT NULL,
	`capacity_min` integer NOT NULL,
	`capacity_max` integer NOT NULL,
	`time_commitment` text DEFAULT '' NOT NULL,
	`meeting_mode` text NOT NULL,
	`day_part` text,
	`province` text,
	`open_for_applications` integer DEFAULT true NOT NULL,
	`house_rules` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `circle_programme_idx` ON `circle` (`programme_id`);--> statement-breakpoint
CREATE INDEX `circle_status_idx` ON `circle` (`status`);--> statement-breakpoint
CREATE TABLE `membership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`state` text NOT NULL,
	`motivation` text,
	`message` text,
	`invited_by_id` integer,
	`house_rules_accepted_at` integer,
	`waitlisted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_circle_user_unique` ON `membership` (`circle_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `membership_user_idx` ON `membership` (`user_id`);--> statement-breakpoint
CREATE INDEX `membership_circle_state_idx` ON `membership` (`circle_id`,`state`);--> statement-breakpoint
CREATE TABLE `profile` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`company_role` text,
	`themes` text DEFAULT '[]' NOT NULL,
	`day_parts` text DEFAULT '[]' NOT NULL,
	`meeting_mode` text,
	`willing_to_host` integer DEFAULT false NOT NULL,
	`question_situation` text,
	`question_tried` text,
	`question_wish` text,
	`ready_to_match` integer DEFAULT false NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `programme_coach` (
	`programme_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `user_id`),
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `programme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`province` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`size_min` integer DEFAULT 5 NOT NULL,
	`size_target` integer DEFAULT 8 NOT NULL,
	`size_max` integer DEFAULT 12 NOT NULL,
	`sector_policy` text DEFAULT 'mixed' NOT NULL,
	`weights` text DEFAULT '{}' NOT NULL,
	`archived_at` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
DROP INDEX `company_owner_idx`;--> statement-breakpoint
ALTER TABLE `company` ADD `kvk_number` text;--> statement-breakpoint
ALTER TABLE `company` ADD `sector` text;--> statement-breakpoint
ALTER TABLE `company` ADD `sbi_division` text;--> statement-breakpoint
ALTER TABLE `company` ADD `employees` integer;--> statement-breakpoint
ALTER TABLE `company` ADD `founded_year` integer;--> statement-breakpoint
ALTER TABLE `company` ADD `life_phase` text;--> statement-breakpoint
ALTER TABLE `company` ADD `province` text;--> statement-breakpoint
ALTER TABLE `company` ADD `municipality` text;--> statement-breakpoint
ALTER TABLE `company` ADD `family_business` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `company_owner_unique` ON `company` (`owner_id`);