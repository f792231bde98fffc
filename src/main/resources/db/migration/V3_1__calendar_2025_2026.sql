-- Official civil-service schedules 2025 and 2026 (see shared/domain.md §4.3 for the sources).
-- Weekend days inside a holiday period are off anyway and are not stored; every weekday off of each period
-- is listed (swapped and compensatory days included), and every make-up Saturday as WORKING.
INSERT INTO cal_year_schedule (sched_year, notice, updated_at, updated_by) VALUES
  (2025, 'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức (Tết Nguyên đán 25/01–02/02; 30/4–1/5: 30/04–04/05, làm bù thứ Bảy 26/04; Quốc khánh 30/08–02/09)', CURRENT_TIMESTAMP, 'flyway'),
  (2026, 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ; Tết Dương lịch 01–04/01/2026, làm bù thứ Bảy 10/01/2026 (Phó Thủ tướng phê duyệt 25/12/2025)', CURRENT_TIMESTAMP, 'flyway');

INSERT INTO cal_day (day_date, sched_year, kind, name_vi, name_en) VALUES
  (DATE '2025-01-01', 2025, 'OFF', 'Tết Dương lịch', 'New Year''s Day'),
  (DATE '2025-01-27', 2025, 'OFF', 'Nghỉ Tết Nguyên đán (28 tháng Chạp)', 'Lunar New Year (Tết) holiday'),
  (DATE '2025-01-28', 2025, 'OFF', 'Nghỉ Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year (Tết) holiday'),
  (DATE '2025-01-29', 2025, 'OFF', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year (Tết) – day 1'),
  (DATE '2025-01-30', 2025, 'OFF', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year (Tết) – day 2'),
  (DATE '2025-01-31', 2025, 'OFF', 'Tết Nguyên đán (mùng 3)', 'Lunar New Year (Tết) – day 3'),
  (DATE '2025-04-07', 2025, 'OFF', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration Day'),
  (DATE '2025-04-26', 2025, 'WORKING', 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025', 'Make-up working day for Friday 02/05/2025'),
  (DATE '2025-04-30', 2025, 'OFF', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'),
  (DATE '2025-05-01', 2025, 'OFF', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)'),
  (DATE '2025-05-02', 2025, 'OFF', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)', 'Swapped day off for 30/4–1/5 (made up on Saturday 26/04/2025)'),
  (DATE '2025-09-01', 2025, 'OFF', 'Nghỉ lễ Quốc khánh (1/9)', 'National Day holiday (1 September)'),
  (DATE '2025-09-02', 2025, 'OFF', 'Quốc khánh (2/9)', 'National Day (2 September)'),

  (DATE '2026-01-01', 2026, 'OFF', 'Tết Dương lịch', 'New Year''s Day'),
  (DATE '2026-01-02', 2026, 'OFF', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'Swapped New Year day off (made up on Saturday 10/01/2026)'),
  (DATE '2026-01-10', 2026, 'WORKING', 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', 'Make-up working day for Friday 02/01/2026'),
  (DATE '2026-02-16', 2026, 'OFF', 'Nghỉ Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year (Tết) holiday'),
  (DATE '2026-02-17', 2026, 'OFF', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year (Tết) – day 1'),
  (DATE '2026-02-18', 2026, 'OFF', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year (Tết) – day 2'),
  (DATE '2026-02-19', 2026, 'OFF', 'Tết Nguyên đán (mùng 3)', 'Lunar New Year (Tết) – day 3'),
  (DATE '2026-02-20', 2026, 'OFF', 'Tết Nguyên đán (mùng 4)', 'Lunar New Year (Tết) – day 4'),
  (DATE '2026-04-27', 2026, 'OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/04)', 'Compensatory day off for Hung Kings'' Commemoration Day (Sunday 26/04)'),
  (DATE '2026-04-30', 2026, 'OFF', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'),
  (DATE '2026-05-01', 2026, 'OFF', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)'),
  (DATE '2026-08-22', 2026, 'WORKING', 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026', 'Make-up working day for Monday 31/08/2026'),
  (DATE '2026-08-31', 2026, 'OFF', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)', 'Swapped National Day holiday (made up on Saturday 22/08/2026)'),
  (DATE '2026-09-01', 2026, 'OFF', 'Nghỉ lễ Quốc khánh (1/9)', 'National Day holiday (1 September)'),
  (DATE '2026-09-02', 2026, 'OFF', 'Quốc khánh (2/9)', 'National Day (2 September)');
