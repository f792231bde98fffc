package vn.govflow.engine;

import vn.govflow.support.PostgresIntegrationTest;

class CamundaWebappsForRolesPostgresTest extends PostgresIntegrationTest implements CamundaWebappsForRolesScenarios {}
