-- The payment leg of a declaration (customs.declaration, issue #6): the payment company declares the payment to
-- customs (Alipay's alipay.trade.customs.declare). Like the order leg it ends at acceptance; the inventory list is
-- sent once the order and payment legs are accepted and the order has its waybill.
ALTER TABLE declarations ADD COLUMN payment_leg VARCHAR(16) NOT NULL DEFAULT 'PENDING';
