-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), as the
-- owner role POSTGRES_USER. The services' Flyway migrations run as that same owner
-- (SITEWORK_DB_USER) and create the application role sitework_app they then run as
-- (service-support's db/axon/V1_1__event_store_immutability.sql); only the databases are needed here.
CREATE DATABASE sitework_work;
CREATE DATABASE sitework_context;
