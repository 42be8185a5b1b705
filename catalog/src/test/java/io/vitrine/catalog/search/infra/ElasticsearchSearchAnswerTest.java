package io.vitrine.catalog.search.infra;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming read of a {@code _search} answer, on answers shaped as Elasticsearch 8 and 9 write them, with the
 * parts the adapter does not use (shards, scores, ids, nested objects, nulls) in between. The contract suite reads
 * real answers of the test node ({@code ElasticsearchCatalogSearchTest}).
 */
class ElasticsearchSearchAnswerTest {

    private static final String ANSWER = """
            {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":42,"relation":"eq"},"max_score":null,"hits":[
               {"_index":"p-1","_id":"t/A1","_score":null,"_routing":"t","_ignored":["x"],
                "_source":{"sku":["A1"],"name_zh":"爱他美奶粉","name_en":null,"brand":["Aptamil"],"price_fen":12900,
                           "tax_fen":1174,"in_stock_at":["WH-1","WH-2"],"extra":{"nested":[1,{"deep":true}]}},
                "sort":[6.0,"A1"]},
               {"_index":"p-1","_id":"t/B2","_source":{"sku":"B2","price_fen":-5,"tax_fen":0,"in_stock_at":[]},
                "sort":[1764500000000,"B2"]}]},
             "aggregations":{
               "brand":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
                        "buckets":[{"key":"Aptamil","doc_count":30},{"key":"a2","doc_count":12}]},
               "price":{"buckets":[{"key":"*-5000.0","to":5000.0,"doc_count":0},
                                   {"key":"5000.0-10000.0","from":5000.0,"to":10000.0,"doc_count":7}]},
               "origin":{"buckets":[]}}}
            """;

    @Test
    void reads_the_total_the_shown_fields_the_sort_values_and_the_buckets() throws IOException {
        ElasticsearchSearchAnswer answer = read(ANSWER);

        assertThat(answer.total()).isEqualTo(42);
        assertThat(answer.hits()).hasSize(2);
        ElasticsearchSearchAnswer.Hit first = answer.hits().get(0);
        assertThat(first.first("sku")).isEqualTo("A1");
        assertThat(first.first("name_zh")).isEqualTo("爱他美奶粉");
        assertThat(first.first("name_en")).isNull();
        assertThat(first.first("image_url")).isNull();
        assertThat(first.first("brand")).isEqualTo("Aptamil");
        assertThat(first.number("price_fen")).isEqualTo(12900);
        assertThat(first.number("tax_fen")).isEqualTo(1174);
        assertThat(first.all("in_stock_at")).containsExactly("WH-1", "WH-2");
        assertThat(first.sortValues()).containsExactly(6.0, "A1");

        ElasticsearchSearchAnswer.Hit second = answer.hits().get(1);
        assertThat(second.first("sku")).as("a single value written as a string").isEqualTo("B2");
        assertThat(second.first("brand")).isNull();
        assertThat(second.all("in_stock_at")).isEmpty();
        assertThat(second.number("price_fen")).isEqualTo(-5);
        assertThat(second.sortValues()).containsExactly(1764500000000L, "B2");

        assertThat(answer.buckets("brand")).containsExactly(new ElasticsearchSearchAnswer.Bucket("Aptamil", 30),
                new ElasticsearchSearchAnswer.Bucket("a2", 12));
        assertThat(answer.buckets("price")).extracting(ElasticsearchSearchAnswer.Bucket::count).containsExactly(0L, 7L);
        assertThat(answer.buckets("origin")).isEmpty();
        assertThat(answer.buckets("category")).as("an aggregation not asked for").isEmpty();
    }

    @Test
    void an_answer_without_hits_or_aggregations_is_empty() throws IOException {
        ElasticsearchSearchAnswer answer = read("""
                {"took":1,"hits":{"total":{"value":0,"relation":"eq"},"hits":[]}}""");

        assertThat(answer.total()).isZero();
        assertThat(answer.hits()).isEmpty();
        assertThat(answer.buckets("suggest")).isEmpty();
    }

    @Test
    void a_hit_without_a_price_is_refused_rather_than_shown_at_zero() throws IOException {
        ElasticsearchSearchAnswer answer = read("""
                {"hits":{"total":{"value":1},"hits":[{"_source":{"sku":["A1"],"tax_fen":0}}]}}""");

        assertThatThrownBy(() -> answer.hits().get(0).number("price_fen")).isInstanceOf(IllegalStateException.class);
        assertThat(List.of(answer.total())).containsExactly(1L);
    }

    @Test
    void what_is_not_a_json_object_is_an_io_failure() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IOException.class);
    }

    private static ElasticsearchSearchAnswer read(String json) throws IOException {
        return ElasticsearchSearchAnswer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
