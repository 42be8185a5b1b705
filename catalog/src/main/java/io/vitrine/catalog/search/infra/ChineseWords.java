package io.vitrine.catalog.search.infra;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Word segmentation of a run of CJK characters by Lucene's smartcn (an HMM over a bundled dictionary). */
final class ChineseWords {

    private ChineseWords() {
    }

    static List<String> of(String cjkRun) {
        List<String> words = new ArrayList<>();
        // a tokenizer is cheap to create (the dictionaries are loaded once) and not thread-safe
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(new StringReader(cjkRun));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
