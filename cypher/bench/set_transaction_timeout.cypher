CALL dbms.setConfigValue('db.transaction.timeout', $timeout)
