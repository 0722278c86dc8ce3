-- Vacancy and training rows (about 3 kB) stay inline and uncompressed: the toaster is not run
-- below 8160 bytes. Bulk imports then spend no server time on compression (measured: 10-20 % of
-- the PostgreSQL server's CPU in an import), for tables about half as large again.
ALTER TABLE vacancies SET (toast_tuple_target = 8160);
--> statement-breakpoint
ALTER TABLE training_offers SET (toast_tuple_target = 8160);
