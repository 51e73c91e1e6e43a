CREATE INDEX action_item_order_key IF NOT EXISTS FOR (a:ActionItem) ON (a.order_key)
