package vn.govflow.calendar;

import vn.govflow.support.PostgresIntegrationTest;

class CalendarApiPostgresTest extends PostgresIntegrationTest implements CalendarApiScenarios {}
