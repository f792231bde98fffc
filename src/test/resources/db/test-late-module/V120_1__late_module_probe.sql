-- A module's migration merged after a higher block (notify's V130_1) has already run on a database.
CREATE TABLE portal_upgrade_probe (id INT PRIMARY KEY);
