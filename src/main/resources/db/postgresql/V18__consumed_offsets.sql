-- Where processors reading a Kafka topic stand: per partition, the offset of the next record to
-- consume. Written in the transaction that applies a batch of that partition, and only if it
-- still holds the offset the batch started from, so a processor that lost the partition cannot
-- commit over the one that took it.

CREATE TABLE consumed_offset (
  topic TEXT COLLATE "C" NOT NULL,
  partition_no INTEGER NOT NULL,
  next_offset BIGINT NOT NULL,
  PRIMARY KEY (topic, partition_no)
);
