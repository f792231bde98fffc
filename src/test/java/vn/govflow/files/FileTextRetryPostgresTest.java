package vn.govflow.files;

import vn.govflow.support.PostgresIntegrationTest;

class FileTextRetryPostgresTest extends PostgresIntegrationTest implements FileTextRetryScenarios {}
