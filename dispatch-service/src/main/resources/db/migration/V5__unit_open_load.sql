-- The open load of every unit at once (派遣台, issue 17): one grouped read over the open orders.
CREATE INDEX case_order_open_unit ON case_order (unit_id, status)
  WHERE status IN ('DISPATCHED', 'SIGNED_FOR', 'IN_HANDLING');
