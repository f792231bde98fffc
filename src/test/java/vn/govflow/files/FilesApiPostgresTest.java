package vn.govflow.files;

import vn.govflow.support.PostgresIntegrationTest;

class FilesApiPostgresTest extends PostgresIntegrationTest implements FilesApiScenarios {}
