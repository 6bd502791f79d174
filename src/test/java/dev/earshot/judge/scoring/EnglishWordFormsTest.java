package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishWordFormsTest {

  @ParameterizedTest(name = "''{0}'' names ''{1}''")
  @CsvSource({
    "someone knocked, knocking",
    "someone knocked, knock",
    "she knocks twice, knocking",
    "knocking at the door, knock",
    "the dog barked, barking",
    "a barking dog, bark",
    "the phone rang, ringing",
    "the phone rang, ring",
    "the bell has rung, ring",
    "it keeps ringing, ring",
    "it rings, ringing",
    "church bells, bell",
    "a bell, bells",
    "two dogs, dog",
    "a dog, dogs",
    "the dog's bark, dog",
    "somebody clapped, clapping",
    "clapping hands, clap",
    "he sneezed, sneezing",
    "someone sneezing, sneeze",
    "a kettle whistled, whistle",
    "the baby cried, crying",
    "a baby crying, cry",
    "the baby cries, cry",
    "the bee buzzes, buzzing",
    "a snake hissing, hiss",
    "the cat purring, purr",
    "the birds sang, singing",
    "glass broke, breaking",
    "the geese, goose",
    "the bells rang, bell ringing",
    "a police-car passed, police car"
  })
  void shouldMatchInflectedForms(String text, String label) {
    assertThat(EnglishWordForms.containsPhrase(text, label)).isTrue();
  }

  @ParameterizedTest(name = "''{0}'' does not name ''{1}''")
  @CsvSource({
    "bring it here, ring",
    "during the day, ring",
    "a string quartet, ring",
    "bring it here, ringing",
    "a full belly, bell",
    "bellies, bell",
    "a knockout punch, knock",
    "his dog, hissing",
    "the king, ring",
    "a dog barking, bell",
    "barking up the wrong tree, knock",
    "a sing-song voice, ring"
  })
  void shouldNotMatchFalseFriends(String text, String label) {
    assertThat(EnglishWordForms.containsPhrase(text, label)).isFalse();
  }
}
