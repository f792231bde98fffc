package vn.govflow.calendar;

import vn.govflow.support.H2IntegrationTest;

class CalendarApiH2Test extends H2IntegrationTest implements CalendarApiScenarios {}
